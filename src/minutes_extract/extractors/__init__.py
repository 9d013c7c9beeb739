"""One module per kind of fact; each is a plain function over the document text and its items."""
