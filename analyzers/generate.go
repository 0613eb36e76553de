package analyzers

//go:generate go run ./internal/genall/cmd
