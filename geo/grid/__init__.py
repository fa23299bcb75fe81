"""Census grid cells (INSPIRE, EPSG:3035) as a geography, and their aggregation to districts."""
