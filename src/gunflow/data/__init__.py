"""The curated data, as TOML files read through importlib.resources."""
