"""Attribute pools for the world generator: occupations, temperaments, goals, climates."""

from __future__ import annotations

OCCUPATIONS = {
    "fantasy": {"vi": ("thợ rèn", "kiếm khách", "pháp sư", "thầy thuốc", "thương nhân",
                       "thợ săn", "người kể chuyện", "hiệp sĩ", "tu sĩ", "thám tử", "lái buôn",
                       "cung thủ"),
                "en": ("blacksmith", "sellsword", "mage", "healer", "merchant", "hunter", "bard",
                       "knight", "priest", "thief", "alchemist", "archer")},
    "sci-fi": {"vi": ("phi công", "kỹ sư", "nhà khoa học", "bác sĩ", "lính đánh thuê",
                      "thương nhân", "hoa tiêu", "tin tặc", "nhà ngoại giao", "thợ máy"),
               "en": ("pilot", "engineer", "xenobiologist", "medic", "mercenary", "trader",
                      "navigator", "hacker", "diplomat", "mechanic", "smuggler")},
    "modern": {"vi": ("giáo viên", "bác sĩ", "nhà báo", "lập trình viên", "đầu bếp",
                      "cảnh sát", "luật sư", "sinh viên", "nhạc sĩ", "tài xế", "kiến trúc sư"),
               "en": ("teacher", "doctor", "journalist", "programmer", "chef", "detective",
                      "lawyer", "student", "musician", "driver", "architect", "nurse")},
    "historical": {"vi": ("tướng quân", "quan văn", "nho sĩ", "thầy lang", "thương nhân",
                          "nông dân", "thợ gốm", "sư thầy", "lính thú", "thợ dệt"),
                   "en": ("knight", "scribe", "monk", "physician", "merchant", "farmer",
                          "potter", "soldier", "weaver", "steward", "friar")},
}

TEMPERAMENTS = {
    "vi": ("điềm tĩnh", "nóng nảy", "tốt bụng", "đa nghi", "kiêu hãnh", "nhút nhát", "hài hước",
           "bướng bỉnh", "chính trực", "tham vọng", "lém lỉnh", "trầm lặng"),
    "en": ("calm", "hot-headed", "kind", "suspicious", "proud", "shy", "witty", "stubborn",
           "honest", "ambitious", "cunning", "quiet"),
}

GOALS = {
    "vi": ("giữ gìn bí mật cổ xưa", "giành quyền kiểm soát thương mại", "bảo vệ dân lành",
           "lật đổ kẻ cầm quyền", "tìm lại cố hương", "buôn bán và làm giàu",
           "truyền bá học thuật"),
    "en": ("guard an ancient secret", "control the trade routes", "protect the common folk",
           "overthrow the rulers", "find a lost homeland", "grow rich through trade",
           "spread knowledge"),
}

MATERIALS = {
    "fantasy": {"vi": ("thép", "bạc", "ngọc bích", "gỗ trầm", "xương rồng", "đồng"),
                "en": ("steel", "silver", "jade", "ironwood", "dragonbone", "bronze")},
    "sci-fi": {"vi": ("hợp kim titan", "tinh thể lượng tử", "sợi carbon", "gốm plasma"),
               "en": ("titanium alloy", "quantum crystal", "carbon weave", "plasma ceramic")},
    "modern": {"vi": ("giấy", "da", "gỗ", "kim loại"),
               "en": ("paper", "leather", "wood", "steel")},
    "historical": {"vi": ("đồng", "sắt", "lụa", "giấy dó", "vàng"),
                   "en": ("bronze", "iron", "silk", "vellum", "gold")},
}

CLIMATES = {
    "vi": ("nhiệt đới ẩm", "ôn hòa", "khô hạn", "lạnh giá", "gió mùa", "sương mù quanh năm"),
    "en": ("humid tropical", "temperate", "arid", "cold", "monsoon", "foggy"),
}

TERRAINS = {
    "vi": ("đồng bằng", "đồi núi", "rừng rậm", "ven biển", "cao nguyên", "đầm lầy"),
    "en": ("plains", "hills", "forest", "coastal", "highland", "marsh"),
}

# How many people live in a place of each type: (low, high).
POPULATIONS = {"region": (50_000, 2_000_000), "city": (20_000, 900_000),
               "town": (1_500, 20_000), "village": (80, 1_500)}

# Share of each entity type per world type (characters take the rest).
ENTITY_MIX = {"fantasy": {"faction": 0.1, "creature": 0.12, "item": 0.08},
              "sci-fi": {"faction": 0.12, "creature": 0.08, "item": 0.1},
              "modern": {"faction": 0.12, "item": 0.06},
              "historical": {"faction": 0.12, "item": 0.08}}

# Relationship types between two characters, by how often they occur.
CHARACTER_TIES = (("friend", 5), ("rival", 3), ("ally", 3), ("enemy", 2), ("sibling", 2),
                  ("colleague", 2), ("spouse", 1), ("parent_of", 2), ("mentor_of", 2))

# What valuables are counted in: (Vietnamese, English).
CURRENCIES = {"fantasy": ("lượng bạc", "gold crowns"), "sci-fi": ("tín dụng", "credits"),
              "modern": ("đồng", "dollars"), "historical": ("quan tiền", "silver pennies")}

# Years in which factions were founded.
FOUNDING_YEARS = {"fantasy": (1, 1200), "sci-fi": (2150, 2900), "modern": (1890, 2020),
                  "historical": (900, 1500)}

PLACE_WORDS = {
    "vi": {"region": "vùng", "city": "thành phố", "town": "thị trấn", "village": "ngôi làng",
           "landmark": "địa danh", "wilderness": "vùng hoang dã", "water": "vùng nước",
           "building": "công trình"},
    "en": {"region": "region", "city": "city", "town": "town", "village": "village",
           "landmark": "landmark", "wilderness": "stretch of wild land",
           "water": "body of water", "building": "building"},
}

# The names of the attributes the generator writes, per language (the keys are its own).
ATTRIBUTE_LABELS = {
    "vi": {"age": "tuổi", "occupation": "nghề nghiệp", "temperament": "tính cách",
           "home": "quê quán", "faction": "phe phái", "founded": "năm thành lập",
           "members": "số thành viên", "goal": "mục tiêu", "seat": "trụ sở",
           "habitat": "nơi sống", "danger": "mức nguy hiểm", "material": "chất liệu",
           "value": "giá trị", "currency": "đơn vị tiền"},
    "en": {"age": "age", "occupation": "occupation", "temperament": "temperament",
           "home": "home", "faction": "faction", "founded": "founded", "members": "members",
           "goal": "goal", "seat": "seat", "habitat": "habitat", "danger": "danger",
           "material": "material", "value": "value", "currency": "currency"},
}
