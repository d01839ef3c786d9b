package lockout

import "context"

// Prune runs the prune of the background work now.
func Prune(ctx context.Context, g *Guard) error { return g.prune(ctx) }
