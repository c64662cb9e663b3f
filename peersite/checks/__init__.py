"""The checks beyond the data's own: spelling, both languages of every page, links."""
