"""The SSRF guard on IP literals in every form that can carry an internal IPv4 address, and on ports.

No DNS: every host here is an IP literal, judged by `target_check` as a subscription and a delivery are.
"""

from __future__ import annotations

import pytest

from server.apps.webhooks.targets import TargetRefused, target_addresses, target_check
from server.common.testing import ProjectWorld

# Internal IPv4 addresses, each embedded in every IPv6 form that carries one.
INTERNAL_IPV4 = {
    "loopback": "127.0.0.1",
    "link-local (cloud metadata)": "169.254.169.254",
    "private 10/8": "10.1.2.3",
    "private 192.168/16": "192.168.0.1",
    "unspecified": "0.0.0.0",
}


def _forms(ipv4: str) -> dict[str, str]:
    """`ipv4` written as each IPv6 form that embeds an IPv4 address."""
    a, b, c, d = (int(octet) for octet in ipv4.split("."))
    high, low = f"{a * 256 + b:x}", f"{c * 256 + d:x}"
    inverted = f"{(a * 256 + b) ^ 0xFFFF:x}:{(c * 256 + d) ^ 0xFFFF:x}"  # Teredo obfuscates the client
    return {
        "ipv4-mapped": f"::ffff:{ipv4}",
        "ipv4-mapped, hex": f"::ffff:{high}:{low}",
        "ipv4-compatible": f"::{ipv4}",
        "6to4": f"2002:{high}:{low}::",
        "6to4 with a host part": f"2002:{high}:{low}:1::1",
        "teredo client": f"2001:0:4136:e378:8000:63bf:{inverted}",
        "teredo server": f"2001:0:{high}:{low}:8000:63bf:f7f7:f7f7",
        "nat64 well-known prefix": f"64:ff9b::{high}:{low}",
        "nat64 local-use prefix": f"64:ff9b:1::{high}:{low}",
    }


REFUSED = [
    pytest.param(f"https://[{address}]/hook", id=f"{name} as {form}")
    for name, ipv4 in INTERNAL_IPV4.items()
    for form, address in _forms(ipv4).items()
]


@pytest.mark.parametrize("url", REFUSED)
def test_ipv6_forms_carrying_an_internal_ipv4_address_are_refused(url: str) -> None:
    with pytest.raises(TargetRefused) as refused:
        target_check(url)
    assert refused.value.code == "webhook_url_not_allowed"
    with pytest.raises(TargetRefused):  # and again before a delivery attempt
        target_addresses(url)


@pytest.mark.parametrize(
    "url, named",
    [
        ("https://[2002:7f00:1::]/", "127.0.0.1"),
        ("https://[2002:a9fe:a9fe::]/", "169.254.169.254"),
    ],
)
def test_the_refusal_names_the_embedded_address(url: str, named: str) -> None:
    """The two addresses of the finding (issue 15)."""
    with pytest.raises(TargetRefused) as refused:
        target_check(url)
    assert named in refused.value.message


@pytest.mark.parametrize(
    "url",
    [
        "https://[2002:808:808::]/hook",  # 6to4 of a public address
        "https://[::ffff:8.8.8.8]/hook",  # mapped public address
        "https://[2606:4700:4700::1111]/hook",  # a native public address
        "https://8.8.8.8:8443/hook",
    ],
)
def test_public_addresses_in_any_form_are_accepted(url: str) -> None:
    assert target_check(url)


@pytest.mark.parametrize(
    "url", ["https://8.8.8.8:0/hook", "https://[2606:4700:4700::1111]:0/hook", "https://8.8.8.8:00/hook"]
)
def test_port_zero_is_refused(url: str) -> None:
    with pytest.raises(TargetRefused) as refused:
        target_check(url)
    assert refused.value.code == "webhook_url_not_allowed"
    assert "port" in refused.value.message


@pytest.mark.parametrize("url", ["https://8.8.8.8:65536/hook", "https://8.8.8.8:-1/hook"])
def test_ports_out_of_range_are_refused(url: str) -> None:
    with pytest.raises(TargetRefused):
        target_check(url)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["https://[2002:7f00:1::]/", "https://[2002:a9fe:a9fe::]/", "https://8.8.8.8:0/"]
)
def test_the_api_refuses_them_as_422(world: ProjectWorld, url: str) -> None:
    response = world.client("owner").send(
        "POST", f"/projects/{world.project.pk}/webhooks", {"url": url, "events": ["task.created"]}
    )
    assert response.status_code == 422, response.content
    assert response.json()["code"] == "webhook_url_not_allowed"
