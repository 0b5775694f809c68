"""Where things live: page and download paths, addresses, redirects, navigation placement."""
