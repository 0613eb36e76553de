package fieldctx

func waitSession(s *Session) { <-s.ctx.Done() }
