"""The languages of labels and text: Chinese (the data's own) and English."""

from enum import StrEnum


class Lang(StrEnum):
    zh = "zh"
    en = "en"
