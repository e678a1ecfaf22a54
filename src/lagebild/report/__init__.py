"""Outputs for users: exports, briefings."""
