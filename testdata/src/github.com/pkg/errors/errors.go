// Package errors is a stub of github.com/pkg/errors: the names a file
// importing it under the name errors uses.
package errors

import stderrors "errors"

func New(message string) error                          { return stderrors.New(message) }
func Errorf(format string, args ...any) error           { return stderrors.New(format) }
func Wrap(err error, message string) error              { return err }
func Wrapf(err error, format string, args ...any) error { return err }
func Cause(err error) error                             { return err }
func Is(err, target error) bool                         { return stderrors.Is(err, target) }
func As(err error, target any) bool                     { return stderrors.As(err, target) }
func Unwrap(err error) error                            { return stderrors.Unwrap(err) }
