"""The web dashboard (issue 13): a Starlette app, server-rendered with Jinja2 and htmx, over the
indexer's database (history) and the node (live values through the SDK's state snapshot).

`app` (the factory), `routes/` (one module per page: the page and its live fragments),
`data` (what each page shows, assembled from `queries` and `node`), `node` (live reads),
`server` (`python -m vperp.web` / `ape run web`), `templates/`, `static/`."""
