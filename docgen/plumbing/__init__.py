"""Plumbing every floor uses and that imports nothing of docgen: errors, safe atomic file output,
safe file names, the LibreOffice converter, OOXML helpers, the batch runner."""
