"""Where FinSQL finds its bundled data and keeps its caches.

These roots can be moved with environment variables: ``FINSQL_DATA_DIR`` (databases and question
sets, default ``<repo>/data``), ``FINSQL_SCHEMAS_DIR`` (``<repo>/schemas``) and ``FINSQL_CACHE_DIR``
(models, converted checkpoints, indexes; default ``~/.cache/finsql``).
"""

from __future__ import annotations

import os
from pathlib import Path

from finsql.errors import FinSQLError

REPO_ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    return Path(os.environ.get("FINSQL_DATA_DIR", REPO_ROOT / "data"))


def schemas_dir() -> Path:
    return Path(os.environ.get("FINSQL_SCHEMAS_DIR", REPO_ROOT / "schemas"))


def cache_dir() -> Path:
    default = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "finsql"
    return Path(os.environ.get("FINSQL_CACHE_DIR", default))


def adapters_dir() -> Path:
    """Where ``--adapter auto`` finds ``<db>/`` LoRA modules (``FINSQL_ADAPTERS_DIR``, default ``<repo>/adapters``)."""
    return Path(os.environ.get("FINSQL_ADAPTERS_DIR", REPO_ROOT / "adapters"))


def check_output_folder(path: Path, what: str) -> None:
    """Refuse in one line, naming ``what`` it is for, a folder that cannot be made or written; makes nothing,
    so a run refused later for another reason leaves no empty folder behind."""
    if path.exists() and not path.is_dir():
        raise FinSQLError(f"{what} {path} is a file, not a folder; give a folder")
    existing = next(p for p in (path, *path.parents) if p.exists())
    if not existing.is_dir():
        raise FinSQLError(f"cannot create {what} {path}: {existing} is a file")
    if not os.access(existing, os.W_OK):
        raise FinSQLError(f"cannot create {what} {path}: {existing} is not writable")


def read_text_file(path: Path, what: str) -> str:
    """The text of a file the user named as ``what`` (e.g. "config file"), or a one-line error saying why not."""
    path = Path(path)
    if path.is_dir():
        raise FinSQLError(f"{what} {path} is a folder; give a file")
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FinSQLError(f"{what} {path} does not exist") from None
    except OSError as err:
        raise FinSQLError(f"cannot read {what} {path}: {err.strerror}") from None
    except UnicodeDecodeError:
        raise FinSQLError(f"{what} {path} is not UTF-8 text") from None


def write_text_atomically(path: Path, text: str, what: str) -> None:
    """Replace ``path``'s text through a temporary file renamed into place: a crash leaves the old file or
    the new one, never half of one. A file keeps its permissions; a new one gets the usual 644."""
    import tempfile

    try:
        handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError as err:
        raise FinSQLError(f"cannot write {what} in {path.parent} ({err.strerror}); copy the database to a "
                          "folder you can write to") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)  # mkstemp's file is private
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
