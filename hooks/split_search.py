"""MkDocs adapter: placeholder until the per-language search index lands."""
