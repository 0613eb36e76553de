// Package fiber is a stub of github.com/gofiber/fiber/v2 for lifelint fixtures.
package fiber

import "context"

type Ctx struct{}

func (c *Ctx) UserContext() context.Context { return nil }
func (c *Ctx) SendString(s string) error    { return nil }

type Handler = func(*Ctx) error

type App struct{}

func New() *App                                              { return &App{} }
func (a *App) Get(path string, h ...Handler) *App            { return a }
func (a *App) Listen(addr string) error                      { return nil }
func (a *App) Shutdown() error                               { return nil }
func (a *App) ShutdownWithContext(ctx context.Context) error { return nil }
