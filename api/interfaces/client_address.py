"""The client's address: X-Forwarded-For is believed only when a trusted proxy sent it."""

from __future__ import annotations

import ipaddress

from flask import request

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(text: str) -> tuple[Network, ...]:
    """Comma-separated IP addresses or CIDRs as networks; ValueError names a bad entry."""
    networks = []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ValueError(f"{item!r} is not an IP address or CIDR") from None
    return tuple(networks)


def _address(text: str):
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    # A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d; compare them as IPv4.
    return getattr(address, "ipv4_mapped", None) or address


class ClientAddress:
    """Finds the address of the client behind the configured reverse proxies."""

    def __init__(self, trusted_proxies: tuple[Network, ...] = ()):
        self._trusted = tuple(trusted_proxies)

    def __call__(self) -> str:
        """The client address of the current Flask request."""
        return self.resolve(request.remote_addr or "unknown",
                            ",".join(request.headers.getlist("X-Forwarded-For")))

    def resolve(self, peer: str, forwarded_for: str = "") -> str:
        """Behind a trusted proxy, the rightmost non-proxy X-Forwarded-For hop; else the peer."""
        if not self._is_trusted(_address(peer)):
            return peer
        for hop in reversed(forwarded_for.split(",")):
            address = _address(hop)
            if not self._is_trusted(address):
                # Hops left of this one were written by the client itself: never read them.
                return str(address) if address is not None else peer
        return peer

    def _is_trusted(self, address) -> bool:
        return address is not None and any(address in network for network in self._trusted)
