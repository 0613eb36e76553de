package redis

// SentinelClient talks to Redis Sentinel.
type SentinelClient struct{}

// ClusterClient is declared in the base stub; NewSentinelClient and
// NewFailoverClusterClient complete the constructors requestpool knows.
func NewSentinelClient(opt *Options) *SentinelClient                       { return &SentinelClient{} }
func NewFailoverClusterClient(failoverOpt *FailoverOptions) *ClusterClient { return &ClusterClient{} }
