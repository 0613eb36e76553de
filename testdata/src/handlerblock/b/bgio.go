package b

import "context"

// Name has no context and queries under context.TODO: the fact crosses
// packages like a ctx-less call's (issue 15).
func (r *Repo) Name(id int) string { // want Name:`blocks: \(\*sql.DB\).QueryRowContext\(context.TODO\(\)\)`
	var name string
	_ = r.db.QueryRowContext(context.TODO(), "select name from users where id = $1", id).Scan(&name)
	return name
}

// NameCtx is the fixed form.
func (r *Repo) NameCtx(ctx context.Context, id int) string {
	var name string
	_ = r.db.QueryRowContext(ctx, "select name from users where id = $1", id).Scan(&name)
	return name
}
