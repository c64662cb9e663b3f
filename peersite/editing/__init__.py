"""Editing in the browser: the form's configuration, and putting a saved file's formatting back."""
