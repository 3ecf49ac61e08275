"""The plain-Python core: packs, notes, scheduling, checks and review text.

Nothing under this package may import Textual; the CLI's non-interactive
commands import only this, so they start fast (a test guards it).
"""
