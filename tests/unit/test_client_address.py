"""The client address: X-Forwarded-For is read only behind trusted proxies, from the right."""

import pytest

from interfaces.client_address import ClientAddress, parse_networks

PROXIES = parse_networks("10.0.0.1, 172.16.0.0/12, fd00::/8")


@pytest.mark.parametrize("peer, forwarded_for, client", [
    ("203.0.113.7", "198.51.100.1", "203.0.113.7"),             # untrusted peer: header ignored
    ("10.0.0.1", "", "10.0.0.1"),                                # trusted, no header: the proxy
    ("10.0.0.1", "198.51.100.1", "198.51.100.1"),
    ("10.0.0.1", "6.6.6.6, 198.51.100.1", "198.51.100.1"),       # client-written hops skipped
    ("10.0.0.1", "198.51.100.1, 172.16.9.9", "198.51.100.1"),    # a chain of trusted proxies
    ("10.0.0.1", "172.16.9.9, 172.20.0.1", "10.0.0.1"),          # only proxies: the peer
    ("10.0.0.1", "not-an-address", "10.0.0.1"),
    ("::ffff:10.0.0.1", "198.51.100.1", "198.51.100.1"),         # IPv4 peer on a dual-stack socket
    ("fd00::5", "2001:db8::1", "2001:db8::1"),
])
def test_the_client_is_the_rightmost_address_that_is_not_a_trusted_proxy(peer, forwarded_for,
                                                                         client):
    assert ClientAddress(PROXIES).resolve(peer, forwarded_for) == client


def test_without_trusted_proxies_the_peer_is_the_client():
    assert ClientAddress().resolve("10.0.0.1", "198.51.100.1") == "10.0.0.1"


def test_bad_proxy_entries_are_named():
    with pytest.raises(ValueError, match="'10.0.0.300'"):
        parse_networks("10.0.0.1, 10.0.0.300")
