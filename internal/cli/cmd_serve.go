package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/rankings-dev/rankings/internal/server"
)

// serverOptions are the flags serve and bake share.
type serverOptions struct {
	echartsJS string
	assetHost string
	// publicURL is serve's and bake's --public-url.
	publicURL string
	// noGzip is bake's: see server.Options.NoGzip.
	noGzip bool
}

func (o *serverOptions) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&o.echartsJS, "echarts-js", "", "local echarts.min.js to serve at /assets/ (default: $RANKINGS_ECHARTS_JS; without one, pages load ECharts from --asset-host)")
	cmd.Flags().StringVar(&o.assetHost, "asset-host", server.DefaultAssetHost, "public host pages load ECharts from when there is no local copy")
}

func (o *serverOptions) build(env *Env, logger *slog.Logger) (*server.Server, error) {
	path := o.echartsJS
	if path == "" {
		path = env.Getenv("RANKINGS_ECHARTS_JS")
	}
	var js []byte
	if path != "" {
		var err error
		if js, err = os.ReadFile(path); err != nil {
			return nil, usagef("--echarts-js: %v", err)
		}
	}
	return server.New(server.Options{Store: env.Store, Logger: logger, EChartsJS: js, AssetHost: o.assetHost, Version: buildVersion(), PublicURL: o.publicURL, NoGzip: o.noGzip}), nil
}

// everyInterface reports whether a listen address binds every network
// interface: no host (":8080"), or the wildcard 0.0.0.0 or ::.
func everyInterface(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return host == "" || (ip != nil && ip.IsUnspecified())
}

func newServeCmd(env *Env) *cobra.Command {
	var addr string
	var opts serverOptions
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:8080]",
		Short: "Serve comparison pages, the JSON API and embeddable charts over HTTP",
		Long: `Serve the comparison pages, the JSON API (/api/v1/…, described at
/api/v1/openapi.json) and embeddable charts. Listens on loopback by default;
logs one structured line per request to stderr; stops gracefully on
SIGINT/SIGTERM, finishing requests in flight.`,
		Args: noArgs("serve takes no arguments: give the address with --addr, e.g. rankings serve --addr 127.0.0.1:8080"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			gcForServe()
			logs := newLogBuffer(env.Stderr)
			defer logs.Close()
			logger := slog.New(slog.NewJSONHandler(logs, nil))
			if opts.publicURL != "" {
				if _, err := server.ParseOrigin(opts.publicURL); err != nil {
					return usagef("--public-url: %v", err)
				}
			}
			h, err := opts.build(env, logger)
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return usagef("cannot listen on %s: %v", addr, err)
			}
			if everyInterface(addr) {
				fmt.Fprintf(env.Stderr, "%s\n", env.Lang.T("serve.every_interface", addr, ln.Addr().(*net.TCPAddr).Port))
			}
			srv := &http.Server{
				Handler:           h,
				ReadTimeout:       10 * time.Second,
				ReadHeaderTimeout: 5 * time.Second,
				WriteTimeout:      30 * time.Second,
				IdleTimeout:       2 * time.Minute,
				MaxHeaderBytes:    16 << 10,
				ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
			}
			logger.Info("listening", "addr", "http://"+ln.Addr().String())
			logs.Flush() // whoever waits for the server reads this line now
			done := make(chan error, 1)
			go func() { done <- srv.Serve(ln) }()
			select {
			case err := <-done:
				return err
			case <-cmd.Context().Done():
			}
			logger.Info("shutting down: finishing requests in flight")
			logs.Flush()
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			if err := srv.Shutdown(ctx); err != nil {
				return err
			}
			if err := <-done; !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on (\":8080\" or \"0.0.0.0:8080\" listens on every network interface)")
	cmd.Flags().StringVar(&opts.publicURL, "public-url", "", "the service's public origin, such as https://rankings.example.org: /oembed answers only for pages there (default: the origin each request was made to)")
	opts.register(cmd)
	return cmd
}

// buildVersion identifies the binary (and so its embedded data) for ETags.
func buildVersion() string {
	exe, err := os.Executable()
	if err != nil {
		return "dev"
	}
	st, err := os.Stat(exe)
	if err != nil {
		return "dev"
	}
	return fmt.Sprintf("%d-%d", st.Size(), st.ModTime().Unix())
}
