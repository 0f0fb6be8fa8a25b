from rest_framework.routers import DefaultRouter

from claims.api.articles import ArticleViewSet
from claims.api.claims import ClaimViewSet
from claims.api.evidence import EvidenceViewSet
from claims.api.external_reviews import ExternalReviewViewSet
from claims.api.feeds import ClaimReviewFeedViewSet, VerdictFeedViewSet
from claims.api.webhooks import WebhookEndpointViewSet

router = DefaultRouter()
router.register("articles", ArticleViewSet, basename="article")
router.register("claims", ClaimViewSet, basename="claim")
router.register("evidence", EvidenceViewSet, basename="evidence")
router.register("verdicts", VerdictFeedViewSet, basename="verdict")
router.register("claim-reviews", ClaimReviewFeedViewSet, basename="claim-review")
router.register("external-reviews", ExternalReviewViewSet, basename="external-review")
router.register("webhooks", WebhookEndpointViewSet, basename="webhook")

urlpatterns = router.urls
