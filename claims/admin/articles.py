"""The article pages: the list of articles, ingesting one, and an article with its claims marked.

An article is a sources.Source of kind "article", but its page is about claims (their
highlights, ingesting, re-extracting), and `sources` must not import `claims`; a proxy model
would need a migration. So these pages are views of ClaimAdmin, added to its URLs
(`admin:claims_article_list`, `admin:claims_article_ingest`, `admin:claims_article_detail`).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse

from claims import selectors, services
from claims.admin.forms import IngestForm, ReextractForm
from claims.admin.pages import DeskPageMixin
from claims.admin.presentation import claim_hover, highlight_claims
from claims.extraction import InputError
from claims.extraction.languages import not_english
from claims.workflow import is_desk_member
from sources.models import Snapshot, Source
from sources.normalize import InvalidURL


class ArticlePagesMixin(DeskPageMixin):
    """For ClaimAdmin: the article pages, under its URLs (/admin/claims/claim/articles/)."""

    def get_urls(self) -> list[URLPattern]:
        def wrap(view):
            return self.admin_site.admin_view(view)

        # Before ModelAdmin's own URLs: its "<path:object_id>/" would swallow "articles/".
        return [
            path("articles/", wrap(self.article_list_view), name="claims_article_list"),
            path("articles/ingest/", wrap(self.article_ingest_view), name="claims_article_ingest"),
            path(
                "articles/<int:source_id>/",
                wrap(self.article_view),
                name="claims_article_detail",
            ),
            *super().get_urls(),
        ]

    def article_list_view(self, request: HttpRequest) -> TemplateResponse:
        self.require_view(request)
        page = Paginator(selectors.article_list(), 50).get_page(request.GET.get("p"))
        return TemplateResponse(
            request,
            "claims/admin/article_list.html",
            self.desk_context(request, title="Articles", page=page),
        )

    # Ingesting -------------------------------------------------------------------------------

    def article_ingest_view(self, request: HttpRequest) -> HttpResponse:
        self.require_desk(request)
        form = IngestForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            response = self._ingest(request, form)
            if response is not None:
                return response
        return TemplateResponse(
            request,
            "claims/admin/article_ingest.html",
            self.desk_context(request, title="Ingest an article", form=form),
            status=400 if form.errors else 200,
        )

    def _ingest(self, request: HttpRequest, form: IngestForm) -> HttpResponse | None:
        """Store the pasted text, or queue the URL for fetching; None if the form got errors."""
        data = form.cleaned_data
        content, url, title = data["content"], data["url"].strip(), data["title"].strip()
        try:
            if content.strip():
                try:
                    document = services.document_read(
                        content=content, format=data["format"], url=url
                    )
                except InputError as exc:
                    form.add_error("content", str(exc))
                    return None
                result = services.article_ingest(
                    document=document, raw=content, url=url, title=title, actor=request.user
                )
                article = result.article
                if result.created:
                    message = (
                        f"Stored “{article}” with {len(result.new_claims)} claims: they are "
                        "highlighted below."
                    )
                else:
                    message = (
                        f"“{article}” was already stored with this text; "
                        f"{len(result.new_claims)} new claims."
                    )
            else:
                article = services.article_ingest_url(url=url, title=title, actor=request.user)
                message = (
                    f"“{article}” is queued for fetching; its claims appear here once the page "
                    "has been fetched."
                )
        except InvalidURL as exc:
            form.add_error("url", str(exc))
            return None
        messages.success(request, message)
        return HttpResponseRedirect(reverse("admin:claims_article_detail", args=[article.pk]))

    # An article ------------------------------------------------------------------------------

    def article_view(self, request: HttpRequest, source_id: int) -> HttpResponse:
        """The article's text (its latest snapshot, or ?snapshot=<id>) with its claims marked;
        a POST re-extracts claims from that snapshot."""
        self.require_view(request)
        article = get_object_or_404(Source.objects.articles(), pk=source_id)
        snapshots = list(
            article.snapshots.defer("text", "raw_body", "headers").order_by("-fetched_at", "-id")
        )
        snapshot = snapshots[0] if snapshots else None
        wanted = request.GET.get("snapshot", "")
        if wanted.isdigit():
            snapshot = next((s for s in snapshots if s.pk == int(wanted)), None)
            if snapshot is None:
                raise Http404("That snapshot is not of this article.")
        reextract_form = ReextractForm(request.POST or None)
        if request.method == "POST":
            self.require_desk(request)
            response = self._reextract(request, snapshot, reextract_form)
            if response is not None:
                return response
        claims = []
        text_html = ""
        if snapshot is not None:
            snapshot = Snapshot.objects.get(pk=snapshot.pk)  # now with its text
            claims = list(selectors.claim_list().filter(snapshot=snapshot).order_by("start", "id"))
            text_html = highlight_claims(
                snapshot.text,
                [claim for claim in claims if claim.start is not None],
                lambda claim: reverse("admin:claims_claim_change", args=[claim.pk]),
            )
        return TemplateResponse(
            request,
            "claims/admin/article.html",
            self.desk_context(
                request,
                title=str(article),
                article=article,
                snapshot=snapshot,
                snapshots=snapshots,
                claims=[{"claim": claim, "hover": claim_hover(claim)} for claim in claims],
                text_html=text_html,
                not_english=not_english(article.language, snapshot.text) if snapshot else "",
                reextract_form=reextract_form,
                can_edit=is_desk_member(request.user),
            ),
            status=400 if reextract_form.errors else 200,
        )

    def _reextract(
        self, request: HttpRequest, snapshot: Snapshot | None, form: ReextractForm
    ) -> HttpResponse | None:
        """Extract claims again from `snapshot`; None if there is nothing to redirect to."""
        if snapshot is None:
            messages.error(request, "There is no stored text to extract claims from yet.")
            return None
        if not form.is_valid():
            return None
        new_claims = services.snapshot_extract_claims(
            snapshot=Snapshot.objects.get(pk=snapshot.pk),  # the list deferred its text
            min_score=form.cleaned_data["min_score"],
            actor=request.user,
        )
        messages.success(
            request,
            f"Re-extracted: {len(new_claims)} new claims "
            "(claims already stored are kept as they are).",
        )
        return HttpResponseRedirect(request.get_full_path())
