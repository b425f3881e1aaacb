"""Reference geography: build, load, gazetteer, geocoding, spatial joins."""
