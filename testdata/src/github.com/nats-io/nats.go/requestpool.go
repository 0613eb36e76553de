package nats

// Connect connects with the options in o.
func (o Options) Connect() (*Conn, error) { return &Conn{}, nil }
