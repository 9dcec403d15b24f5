#!/usr/bin/env python3
"""Ký một ô chữ ký số trong tệp PDF vanban tạo ra, bằng pyHanko, hình chữ ký chỉ là một ảnh PNG.

Sign one signature field of a vanban PDF with pyHanko, the stamp being only a PNG image (the
signer's signature in blue, or the organisation's seal in red), so that the signed file stays
PDF/A: the stamp writes no text, hence uses no font. (pyHanko's command line only makes stamps
with text; in pyHanko 0.38 text in a TrueType font such as Times New Roman gets wrong glyph
widths, which PDF/A forbids; with its default Courier, the font is not embedded.)

Cách dùng (docs/ky-so.md):

    # khóa trong tệp (PEM, hoặc PKCS#12 .p12/.pfx)
    python ky-so.py --field stp.ky --image chu-ky.png --key khoa.pem --cert chung-thu.pem \\
        vao.pdf ra.pdf
    python ky-so.py --field stp.dau --image dau.png --pkcs12 co-quan.p12 vao.pdf ra.pdf
    # khóa trong USB token của CA (PKCS#11)
    python ky-so.py --field stp.ky --image chu-ky.png --pkcs11-lib /usr/lib/libxyz.so \\
        --token-label "TEN TOKEN" vao.pdf ra.pdf

The PIN or passphrase is read from the environment variable VANBAN_PIN when set, else asked
for (PKCS#12 files and tokens). Needs pyHanko with image support (and pkcs11 for a token):
pip install 'pyhanko[image-support,pkcs11]'.
"""

import argparse
import getpass
import os
import sys

from PIL import Image
from pyhanko.pdf_utils import layout
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.stamp import StaticStampStyle


def secret(prompt):
    value = os.environ.get("VANBAN_PIN")
    return value if value is not None else getpass.getpass(prompt)


def signer_from(args):
    if args.pkcs11_lib:
        from pyhanko.config.pkcs11 import TokenCriteria
        from pyhanko.sign import pkcs11

        session = pkcs11.open_pkcs11_session(
            args.pkcs11_lib,
            token_criteria=TokenCriteria(label=args.token_label),
            user_pin=secret("Mã PIN của token: "),
        )
        return pkcs11.PKCS11Signer(
            session, cert_label=args.cert_label, key_label=args.key_label
        )
    if args.pkcs12:
        passphrase = secret("Mật khẩu tệp PKCS#12: ").encode()
        return signers.SimpleSigner.load_pkcs12(
            args.pkcs12, passphrase=passphrase or None
        )
    if args.key and args.cert:
        return signers.SimpleSigner.load(args.key, args.cert, ca_chain_files=args.chain)
    sys.exit("cần --key và --cert, --pkcs12 hoặc --pkcs11-lib (xem docs/ky-so.md)")


def main():
    p = argparse.ArgumentParser(description="Ký một ô chữ ký số với hình là ảnh PNG.")
    p.add_argument("--field", required=True, help="tên ô, ví dụ stp.ky hoặc stp.dau")
    p.add_argument("--image", required=True, help="ảnh PNG nền trong suốt")
    p.add_argument("--key", help="khóa bí mật (PEM)")
    p.add_argument("--cert", help="chứng thư số (PEM)")
    p.add_argument("--chain", nargs="*", default=(), help="chứng thư của CA (PEM)")
    p.add_argument("--pkcs12", help="tệp .p12/.pfx chứa khóa và chứng thư")
    p.add_argument("--pkcs11-lib", help="thư viện PKCS#11 của USB token")
    p.add_argument("--token-label", help="tên (nhãn) token")
    p.add_argument("--key-label", help="nhãn khóa trong token")
    p.add_argument("--cert-label", help="nhãn chứng thư trong token")
    p.add_argument("--reason", help="lý do ký")
    p.add_argument("--location", help="nơi ký")
    p.add_argument("input")
    p.add_argument("output")
    args = p.parse_args()
    if args.pkcs11_lib and not (args.key_label or args.cert_label):
        sys.exit("với --pkcs11-lib cần --key-label hoặc --cert-label")

    # The image fills the field, its proportions kept: the field is the seal's real size.
    style = StaticStampStyle(
        background=PdfImage(Image.open(args.image)),
        background_opacity=1.0,
        border_width=0,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins.uniform(0),
        ),
    )
    meta = signers.PdfSignatureMetadata(
        field_name=args.field,
        md_algorithm="sha256",
        reason=args.reason,
        location=args.location,
    )
    pdf_signer = signers.PdfSigner(
        meta,
        signer=signer_from(args),
        stamp_style=style,
        new_field_spec=None,
    )
    with open(args.input, "rb") as inf:
        writer = IncrementalPdfFileWriter(inf)
        # Only the fields vanban made: a misspelt name must not add a field elsewhere.
        names = [name for name, _, _ in fields.enumerate_sig_fields(writer, filled_status=False)]
        if args.field not in names:
            sys.exit(f"không có ô trống tên {args.field}; các ô còn trống: {', '.join(names)}")
        with open(args.output, "wb") as outf:
            pdf_signer.sign_pdf(writer, output=outf, existing_fields_only=True)


if __name__ == "__main__":
    main()
