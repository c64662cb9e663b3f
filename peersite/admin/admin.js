// /admin/: starts the form (Decap CMS, loaded just before) with the configuration in config.yml.
