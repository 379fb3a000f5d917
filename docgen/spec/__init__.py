"""Spec files: YAML with line numbers, validated into typed models with Vietnamese messages."""

from .load import load_spec, load_spec_text
from .schema import CoQuan, CuocHop, Muc, NguoiKy, NguoiSoan, Spec

__all__ = ["CoQuan", "CuocHop", "Muc", "NguoiKy", "NguoiSoan", "Spec", "load_spec", "load_spec_text"]
