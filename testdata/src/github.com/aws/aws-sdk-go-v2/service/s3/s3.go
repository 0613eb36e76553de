// Package s3 is a stub of github.com/aws/aws-sdk-go-v2/service/s3.
package s3

import "github.com/aws/aws-sdk-go-v2/aws"

type Client struct{}
type Options struct{}

func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client { return &Client{} }
