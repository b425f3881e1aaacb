"""The only place that knows streamlit besides the pages: caching and shared widgets."""
