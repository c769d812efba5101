package receive

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"slices"
	"strings"
)

// ErrNoAddress is returned when the computer has no network address a
// phone could reach: it is on no network.
var ErrNoAddress = errors.New("receive: no local network address (is the computer on a network?)")

// An Address is one of the computer's addresses on a local network.
type Address struct {
	Interface string // e.g. "wlan0"
	IP        netip.Addr
}

func (a Address) String() string { return a.IP.String() + " (" + a.Interface + ")" }

// Addresses lists the addresses a phone on the same network could reach
// the computer at, best first: those of interfaces that are up and
// connected, not loopback, IPv4 before IPv6, and virtual bridges (Docker,
// libvirt) last. Link-local addresses are left out: a URL cannot name
// them portably.
func Addresses() ([]Address, error) {
	ifaces, err := net.Interfaces()
	if err != nil {
		return nil, fmt.Errorf("receive: list network interfaces: %w", err)
	}
	var out []Address
	for _, ifc := range ifaces {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagRunning == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			pfx, err := netip.ParsePrefix(a.String())
			if err != nil {
				continue
			}
			ip := pfx.Addr().Unmap()
			if !usable(ip) {
				continue
			}
			out = append(out, Address{Interface: ifc.Name, IP: ip})
		}
	}
	slices.SortStableFunc(out, func(a, b Address) int { return rank(a) - rank(b) })
	return out, nil
}

// usable reports whether a phone could be sent to ip in a URL.
func usable(ip netip.Addr) bool {
	return ip.IsValid() && !ip.IsLoopback() && !ip.IsLinkLocalUnicast() && !ip.IsMulticast() && !ip.IsUnspecified()
}

// rank orders addresses: IPv4 first, virtual bridges last.
func rank(a Address) int {
	r := 0
	if !a.IP.Is4() {
		r++
	}
	for _, p := range []string{"docker", "br-", "veth", "virbr", "vboxnet", "vmnet", "lxc", "lxd"} {
		if strings.HasPrefix(a.Interface, p) {
			r += 2
			break
		}
	}
	return r
}
