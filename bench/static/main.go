// Command static is the service benchmark's baseline: a plain
// net/http.FileServer over a folder.
//
//	go run ./bench/static -addr 127.0.0.1:8081 -dir /tmp/static
package main

import (
	"flag"
	"fmt"
	"net/http"
	"os"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8081", "address")
	dir := flag.String("dir", ".", "folder to serve")
	flag.Parse()
	if err := http.ListenAndServe(*addr, http.FileServer(http.Dir(*dir))); err != nil {
		fmt.Fprintln(os.Stderr, "static:", err)
		os.Exit(1)
	}
}
