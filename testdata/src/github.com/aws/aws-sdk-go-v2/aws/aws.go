// Package aws is a stub of github.com/aws/aws-sdk-go-v2/aws.
package aws

type Config struct{ Region string }
