"""The pages: rendering the data through the templates, and everything `render` writes for a generator."""
