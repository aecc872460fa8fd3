"""Spell checking as you type, in English (en-GB) and Welsh (cy-GB): see speller.py."""
