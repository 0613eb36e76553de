// Package config is a stub of github.com/aws/aws-sdk-go-v2/config.
package config

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
)

func LoadDefaultConfig(ctx context.Context, optFns ...func(*LoadOptions) error) (aws.Config, error) {
	return aws.Config{}, nil
}

type LoadOptions struct{}
