"""Place-name pools for the world generator, per world type, language and location type."""

from __future__ import annotations

from generators.name_pools import Compose

VI_PLACE_SYLLABLES = ("An", "Bình", "Hòa", "Phú", "Long", "Vân", "Lạc", "Đông", "Tây", "Nam",
                      "Bắc", "Thủy", "Sơn", "Hà", "Mỹ", "Tân", "Thạnh", "Xuân", "Thanh",
                      "Ngọc", "Kim", "Hải", "Lam", "Yên", "Phong", "Quang", "Đức", "Phước",
                      "Tường", "Hưng")
VI_ROOT = Compose(" ", VI_PLACE_SYLLABLES, VI_PLACE_SYLLABLES, distinct=True)


def _vi(*prefixes) -> Compose:
    return Compose(" ", prefixes, VI_ROOT)


EN_OLD_ROOT = Compose("", ("Ash", "Bright", "Raven", "Stone", "Thorn", "Elder", "Oak", "Frost",
                           "Gold", "Mill", "Kings", "Wolf", "Amber", "Fair", "Red", "Hollow",
                           "Mist", "Swan", "Black", "Wester"),
                      ("ford", "haven", "wick", "bridge", "stead", "gate", "holm", "bury",
                       "mouth", "ton", "fall", "mere", "crest", "port", "by", "dale"))
EN_NEW_ROOT = Compose("", ("Ash", "Bright", "Clear", "Elm", "Fair", "Green", "Hill", "Lake",
                           "Maple", "North", "Oak", "River", "South", "Spring", "West",
                           "Willow", "Cedar", "Pine"),
                      ("field", "brook", "dale", "wood", "view", "side", "haven", "port",
                       "mont", "ridge", "ford", "grove"))
SCI_ROOT = Compose("", ("Ar", "Bel", "Cor", "Dra", "El", "Ga", "Hel", "Ix", "Kal", "Lu", "Mer",
                        "Nov", "Or", "Pra", "Quin", "Ryn", "Sol", "Tar", "Vey", "Zan"),
                   ("ion", "aris", "ex", "ora", "eth", "yx", "andra", "os", "enne", "ulon",
                    "ax", "ira", "eon", "une"))


def _en(root, *shapes) -> tuple:
    """English patterns from shapes such as "{root} Forest", "Lake {root}", "{root}shire"."""
    patterns = []
    for shape in shapes:
        before, _, after = shape.partition("{root}")
        patterns.append(Compose("", *(p for p in (before, root, after) if p)))
    return tuple(patterns)


FANTASY_REGION_EN = Compose(" ", "The", ("Amber", "Ashen", "Northern", "Sunken", "Whispering",
                                         "Verdant", "Shattered", "Misty", "Golden", "Silent",
                                         "Windswept", "Hollow"),
                            ("Marches", "Reach", "Vale", "Wilds", "Expanse", "Highlands",
                             "Moors", "Downs", "Fens", "Steppes", "Coast", "Isles"))
INN_EN = Compose(" ", "The", ("Prancing", "Drowsy", "Gilded", "Rusty", "Laughing", "Crooked",
                              "Sleeping", "Wandering", "Jolly", "Copper", "Silver", "Lonely"),
                 ("Stag", "Goose", "Lantern", "Kettle", "Fox", "Barrel", "Crown", "Anchor",
                  "Dragon", "Pony", "Owl", "Hare"))

# PLACES[world type][language][location type] -> patterns to draw names from.
PLACES = {
    "fantasy": {
        "vi": {"region": (_vi("Vùng", "Miền", "Xứ"),), "city": (_vi("Thành", "Kinh thành"),),
               "town": (_vi("Trấn"),), "village": (_vi("Làng", "Bản"),),
               "landmark": (_vi("Tháp", "Đền", "Chùa", "Cổng"),),
               "wilderness": (_vi("Núi", "Rừng", "Đèo", "Thung lũng"),),
               "water": (_vi("Sông", "Hồ", "Vịnh", "Suối"),),
               "building": (_vi("Quán trọ", "Phủ", "Lò rèn"),)},
        "en": {"region": (FANTASY_REGION_EN,) + _en(EN_OLD_ROOT, "{root}shire"),
               "city": _en(EN_OLD_ROOT, "{root}", "High {root}"),
               "town": _en(EN_OLD_ROOT, "{root}"), "village": _en(EN_OLD_ROOT, "{root}"),
               "landmark": _en(EN_OLD_ROOT, "{root} Tower", "{root} Keep", "{root} Shrine",
                               "The {root} Spire"),
               "wilderness": _en(EN_OLD_ROOT, "{root} Forest", "{root} Peaks", "{root} Marsh",
                                 "{root} Pass"),
               "water": _en(EN_OLD_ROOT, "Lake {root}", "River {root}", "{root} Bay"),
               "building": (INN_EN,)},
    },
    "sci-fi": {
        "vi": {"region": (_vi("Thiên hà", "Tinh hệ", "Vành đai"),),
               "city": (_vi("Thuộc địa", "Thành phố"),), "town": (_vi("Trạm", "Tiền đồn"),),
               "village": (_vi("Khu định cư"),), "landmark": (_vi("Tháp tín hiệu", "Cổng sao"),),
               "wilderness": (_vi("Tinh vân", "Hành tinh"),), "water": (_vi("Biển", "Đại dương"),),
               "building": (_vi("Căn cứ", "Phòng thí nghiệm", "Xưởng tàu"),)},
        "en": {"region": _en(SCI_ROOT, "{root} Sector", "{root} System", "{root} Belt"),
               "city": _en(SCI_ROOT, "New {root}", "{root} Prime", "Port {root}"),
               "town": _en(SCI_ROOT, "{root} Station", "{root} Outpost"),
               "village": _en(SCI_ROOT, "{root} Colony", "{root} Settlement"),
               "landmark": _en(SCI_ROOT, "{root} Array", "{root} Relay", "{root} Gate"),
               "wilderness": _en(SCI_ROOT, "{root} Wastes", "{root} Nebula", "{root} Rift"),
               "water": _en(SCI_ROOT, "{root} Sea", "{root} Ocean"),
               "building": _en(SCI_ROOT, "{root} Labs", "{root} Shipyard", "{root} Dock")},
    },
    "modern": {
        "vi": {"region": (_vi("Tỉnh", "Vùng"),), "city": (_vi("Thành phố"),),
               "town": (_vi("Thị trấn", "Quận"),), "village": (_vi("Phường", "Xã"),),
               "landmark": (_vi("Công viên", "Cầu", "Chợ", "Quảng trường"),),
               "wilderness": (_vi("Đồi", "Rừng", "Bãi biển"),),
               "water": (_vi("Sông", "Hồ", "Vịnh"),),
               "building": (_vi("Quán cà phê", "Bệnh viện", "Trường", "Nhà sách"),)},
        "en": {"region": _en(EN_NEW_ROOT, "{root} County", "{root} Valley"),
               "city": _en(EN_NEW_ROOT, "{root}", "{root} City", "Port {root}"),
               "town": _en(EN_NEW_ROOT, "{root}", "{root} Heights"),
               "village": _en(EN_NEW_ROOT, "{root} Village", "{root} Estate"),
               "landmark": _en(EN_NEW_ROOT, "{root} Park", "{root} Bridge", "{root} Square"),
               "wilderness": _en(EN_NEW_ROOT, "{root} Hills", "{root} Woods", "{root} Beach"),
               "water": _en(EN_NEW_ROOT, "{root} Bay", "{root} River", "Lake {root}"),
               "building": _en(EN_NEW_ROOT, "{root} Hospital", "{root} High School",
                               "{root} Tower", "Café {root}")},
    },
    "historical": {
        "vi": {"region": (_vi("Trấn", "Lộ", "Xứ"),), "city": (_vi("Kinh thành", "Thành"),),
               "town": (_vi("Phủ", "Huyện"),), "village": (_vi("Làng", "Thôn"),),
               "landmark": (_vi("Chùa", "Đền", "Văn miếu", "Lăng"),),
               "wilderness": (_vi("Núi", "Rừng", "Đèo"),),
               "water": (_vi("Sông", "Bến", "Đầm"),),
               "building": (_vi("Dinh", "Quán trọ", "Kho lương"),)},
        "en": {"region": _en(EN_OLD_ROOT, "{root}shire", "The March of {root}"),
               "city": _en(EN_OLD_ROOT, "{root}", "{root} upon Sea"),
               "town": _en(EN_OLD_ROOT, "{root}", "Market {root}"),
               "village": _en(EN_OLD_ROOT, "{root}", "Little {root}"),
               "landmark": _en(EN_OLD_ROOT, "{root} Abbey", "{root} Castle", "{root} Cross"),
               "wilderness": _en(EN_OLD_ROOT, "{root} Forest", "{root} Moor", "{root} Fell"),
               "water": _en(EN_OLD_ROOT, "River {root}", "{root} Water"),
               "building": _en(EN_OLD_ROOT, "{root} Manor", "{root} Hall", "{root} Priory")},
    },
}

# Widening for a crowded world: "Làng Vân Lạc Thượng", "Upper Ashford".
VI_QUARTERS = ("Thượng", "Hạ", "Trung", "Đông", "Tây", "Nam", "Bắc", "Tân", "Cựu")
EN_QUARTERS = ("Upper", "Lower", "Great", "Little", "North", "South", "East", "West", "Old",
               "New")


def crowded(language: str, pattern: Compose) -> Compose:
    """A wider variant of a place pattern, for when its plain names are taken."""
    if language == "vi":
        return Compose(" ", pattern, VI_QUARTERS)
    return Compose(" ", EN_QUARTERS, pattern)
