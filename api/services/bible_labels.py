"""The words of the Markdown world bible in each world language (vi, en)."""

from __future__ import annotations

ENTITY_SECTIONS = {
    "en": (("character", "Characters"), ("faction", "Factions"), ("creature", "Creatures"),
           ("item", "Items"), ("lore", "Lore"), ("other", "Other")),
    "vi": (("character", "Nhân vật"), ("faction", "Phe phái"), ("creature", "Sinh vật"),
           ("item", "Vật phẩm"), ("lore", "Ghi chép"), ("other", "Khác")),
}

WORDS = {
    "en": {"world_type": "World type", "calendar": "Calendar",
           "months": "{months} months of {days} days.", "month_names": "Months",
           "months_varied": "{months} months of {days} days.",
           "era": "Era", "era_from": "from year {start}", "era_to": "to {end}",
           "aliases": "Also known as", "places": "Places", "at": "at", "timeline": "Timeline",
           "year": "Year {year}", "undated": "Undated", "stories": "Stories",
           "story_year": "year {year}", "with": "with"},
    "vi": {"world_type": "Thể loại", "calendar": "Lịch",
           "months": "{months} tháng, mỗi tháng {days} ngày.", "month_names": "Các tháng",
           "months_varied": "{months} tháng, lần lượt {days} ngày.",
           "era": "Kỷ nguyên", "era_from": "từ năm {start}", "era_to": "đến năm {end}",
           "aliases": "Còn gọi là", "places": "Địa điểm", "at": "tại", "timeline": "Dòng thời gian",
           "year": "Năm {year}", "undated": "Chưa rõ thời gian", "stories": "Truyện",
           "story_year": "năm {year}", "with": "có"},
}

WORLD_TYPES = {"vi": {"fantasy": "kỳ ảo", "sci-fi": "khoa học viễn tưởng", "modern": "hiện đại",
                      "historical": "lịch sử", "custom": "tuỳ chỉnh"}}

LOCATION_TYPES = {"vi": {"place": "địa điểm", "continent": "lục địa", "region": "vùng",
                         "country": "quốc gia", "city": "thành phố", "town": "thị trấn",
                         "village": "làng", "building": "công trình", "landmark": "danh thắng",
                         "wilderness": "vùng hoang dã", "water": "sông, hồ, biển",
                         "other": "khác"}}

RELATIONSHIPS = {"vi": {
    "parent_of": "cha/mẹ của", "child_of": "con của", "mentor_of": "thầy của",
    "student_of": "học trò của", "leader_of": "thủ lĩnh của", "follower_of": "người theo",
    "member_of": "thành viên của", "has_member": "có thành viên", "employer_of": "chủ thuê",
    "employee_of": "làm thuê cho", "owner_of": "chủ sở hữu của", "owned_by": "thuộc về",
    "creator_of": "người tạo ra", "created_by": "được tạo ra bởi", "ruler_of": "cai trị",
    "ruled_by": "bị cai trị bởi", "friend": "bạn của", "enemy": "kẻ thù của",
    "ally": "đồng minh của", "rival": "đối thủ của", "sibling": "anh chị em của",
    "spouse": "vợ/chồng của", "lover": "người yêu của", "relative": "họ hàng của",
    "colleague": "đồng nghiệp của", "related_to": "có liên hệ với"}}


def relationship_phrase(relationship_type: str, language: str = "en") -> str:
    """How a relationship type reads before the other's name: "parent of", "cha/mẹ của"."""
    known = RELATIONSHIPS.get(language, {}).get(relationship_type)
    if known:
        return known
    words = relationship_type.replace("_", " ")
    if words.split()[-1] in ("of", "by", "to") or words.startswith("has "):
        return words
    return f"{words} of"


def word_for(table: dict, language: str, value: str) -> str:
    """A type's word in the language; English worlds (and unknown values) show the type."""
    return table.get(language, {}).get(value, value)
