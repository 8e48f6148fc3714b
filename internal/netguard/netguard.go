// Package netguard keeps a server's outgoing requests on the public
// internet. A service that fetches the URLs its users send could
// otherwise be made to read its own loopback, the private network it runs
// in or a cloud's metadata endpoint (server-side request forgery).
//
// The check is made on the address a connection is about to be opened
// to, after DNS has answered, so a name that resolves to a private
// address is refused as the address itself is, however it was spelled
// ("localhost", "0x7f.1", a DNS name pointed at 10.0.0.1 after a first
// answer that was public); and since every redirect opens its
// connection through the same dialer, each hop is checked too.
package netguard

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"sync"
	"syscall"
	"time"
)

// Public reports whether addr is an address a public server may have:
// not loopback, private (RFC 1918, unique local IPv6), link-local (which
// holds cloud metadata endpoints such as 169.254.169.254), carrier-grade
// NAT shared space, multicast, unspecified, or in the blocks reserved for
// documentation and benchmarking. An IPv4 address mapped into IPv6 is
// judged as IPv4.
func Public(addr netip.Addr) bool {
	addr = addr.Unmap()
	if !addr.IsValid() || addr.IsLoopback() || addr.IsPrivate() || addr.IsUnspecified() ||
		addr.IsLinkLocalUnicast() || addr.IsLinkLocalMulticast() || addr.IsInterfaceLocalMulticast() ||
		addr.IsMulticast() {
		return false
	}
	for _, p := range reserved() {
		if p.Contains(addr) {
			return false
		}
	}
	return true
}

// reserved returns the blocks Public refuses beyond what netip
// classifies; parsed on first use, not by every run of the command.
var reserved = sync.OnceValue(func() []netip.Prefix {
	var ps []netip.Prefix
	for _, s := range reservedBlocks {
		ps = append(ps, netip.MustParsePrefix(s))
	}
	return ps
})

// reservedBlocks are the blocks of reserved, written out.
var reservedBlocks = [...]string{
	"0.0.0.0/8",       // "this network"
	"100.64.0.0/10",   // carrier-grade NAT; some clouds' metadata
	"192.0.0.0/24",    // protocol assignments (RFC 6890)
	"192.0.2.0/24",    // documentation
	"198.18.0.0/15",   // benchmarking
	"198.51.100.0/24", // documentation
	"203.0.113.0/24",  // documentation
	"240.0.0.0/4",     // reserved, and broadcast
	"64:ff9b::/96",    // NAT64, which can reach any IPv4
	"64:ff9b:1::/48",  // local-use NAT64
	"2002::/16",       // 6to4, which embeds any IPv4 address
	"::/96",           // IPv4-compatible (deprecated), as ::10.0.0.1
	"2001:db8::/32",   // documentation
}

// control refuses a connection to an address that is not Public. It runs
// after name resolution, for each address tried.
func control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("netguard: %s: %w", address, err)
	}
	if !Public(ap.Addr()) {
		return fmt.Errorf("refused: %s is not a public address", ap.Addr())
	}
	return nil
}

// Transport returns an HTTP transport that opens connections only to
// public addresses, and through no proxy (a proxy would make the check
// judge the proxy's address, not the server's).
func Transport() *http.Transport {
	d := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second, Control: control}
	return &http.Transport{
		Proxy: nil,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return d.DialContext(ctx, network, addr)
		},
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
}
