"""The reading pipeline: small registered components over one `Document`.

A component is a callable `Document -> Document`. Factories are registered by name with
`@component("name")` and build the callable once per process (models load there, not per document).
A component may also have a `pipe(docs: list[Document]) -> list[Document]` method that handles many
documents in one go (the analyser batches sentences across short articles through its models);
`Pipeline.pipe` uses it, and falls back to one document at a time to isolate a failing article.
Pipelines are lists of names, so any step can be replaced or left out:

    >>> nlp = Pipeline(["tokenize", "analyze", "times"])
"""
from __future__ import annotations

import importlib
import traceback
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from itertools import islice

from kroniek.doc import Document

Component = Callable[[Document], Document]
Factory = Callable[[], Component]

_FACTORIES: dict[str, Factory] = {}

# Modules whose import registers components, in pipeline order; each layer has its own folder.
COMPONENT_MODULES = (
    "kroniek.analysis.components",
    "kroniek.quantities.component",
    "kroniek.time.component",
    "kroniek.entities.component",
    "kroniek.events.component",
)

# documents per batch in Pipeline.pipe: enough short articles to fill the models' batches
BATCH = 32

DEFAULT = ("tokenize", "analyze", "quantities", "times", "entities", "events")


def component(name: str) -> Callable[[Factory], Factory]:
    """Register a component factory under `name`."""

    def register(factory: Factory) -> Factory:
        _FACTORIES[name] = factory
        return factory

    return register


def _load_modules() -> None:
    for mod in COMPONENT_MODULES:
        try:
            importlib.import_module(mod)
        except ModuleNotFoundError as e:
            # a layer that is not installed simply registers nothing; a broken import inside one is a bug
            if e.name != mod and not mod.startswith(str(e.name) + "."):
                raise


def registered() -> list[str]:
    _load_modules()
    return sorted(_FACTORIES)


class UnknownComponent(ValueError):
    """A pipeline names a component nobody registered."""


@cache
def get_component(name: str) -> Component:
    _load_modules()
    try:
        factory = _FACTORIES[name]
    except KeyError:
        raise UnknownComponent(f"no pipeline component {name!r}; registered: {', '.join(sorted(_FACTORIES))}") from None
    return factory()


class ComponentError(RuntimeError):
    def __init__(self, component: str, doc_id: str, cause: BaseException):
        super().__init__(f"{component} failed on {doc_id}: {type(cause).__name__}: {cause}")
        self.component = component
        self.cause = cause
        self.trace = "".join(traceback.format_exception(cause))


class Pipeline:
    def __init__(self, names: Iterable[str] | None = None):
        _load_modules()
        wanted = list(names) if names is not None else list(DEFAULT)
        self.names = [n for n in wanted if n in _FACTORIES or names is not None]
        self.steps = [(n, get_component(n)) for n in self.names]

    def __call__(self, doc: Document) -> Document:
        for name, step in self.steps:
            try:
                doc = step(doc)
            except Exception as e:  # one broken article never stops a batch: the caller reports it
                raise ComponentError(name, doc.id, e) from e
        return doc

    def pipe(self, docs: Iterable[Document], batch_size: int = BATCH) -> Iterator[Document | ComponentError]:
        """Each document read, or the error that stopped it, in input order; `batch_size` documents
        at a time go through components that batch."""
        it = iter(docs)
        while batch := list(islice(it, max(1, batch_size))):
            yield from self._batch(batch)

    def _batch(self, docs: list[Document]) -> list[Document | ComponentError]:
        out: list[Document | ComponentError] = list(docs)
        for name, step in self.steps:
            alive = [k for k, d in enumerate(out) if isinstance(d, Document)]
            batched = getattr(step, "pipe", None)
            if batched is not None and len(alive) > 1:
                try:
                    for k, d in zip(alive, batched([out[k] for k in alive]), strict=True):
                        out[k] = d
                    continue
                except Exception:  # the one-by-one pass below finds the failing article and reports it
                    pass
            for k in alive:
                doc = out[k]
                assert isinstance(doc, Document)
                try:
                    out[k] = step(doc)
                except Exception as e:
                    out[k] = ComponentError(name, doc.id, e)
        return out


@cache
def default_pipeline() -> Pipeline:
    return Pipeline()
