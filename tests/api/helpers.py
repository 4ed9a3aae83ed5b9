"""Assertions on the response envelope shared by the API tests."""


def assert_ok(response, status: int = 200) -> dict:
    """The data of a success envelope with the expected status."""
    body = response.get_json()
    assert response.status_code == status, body
    assert body["errorCode"] == "0000"
    assert body["errorDetail"] == "Operation successful"
    return body["data"]


def assert_error(response, status: int, code: str) -> dict:
    """The body of an error envelope with the expected status and code."""
    body = response.get_json()
    assert (response.status_code, body["errorCode"]) == (status, code), body
    assert set(body) == {"errorCode", "errorDetail", "data"}
    assert body["errorDetail"] and "Traceback" not in body["errorDetail"]
    return body
