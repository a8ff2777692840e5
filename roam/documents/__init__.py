"""The national report draft: a neutral outline, written as Word (.docx) or Markdown.

Import ``roam.documents.draft.write_draft``.  This package file imports nothing,
so the outline builders stay free of python-docx.
"""
