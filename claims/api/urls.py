from rest_framework.routers import DefaultRouter

from claims.api.articles import ArticleViewSet
from claims.api.claims import ClaimViewSet
from claims.api.evidence import EvidenceViewSet
from claims.api.feeds import ClaimReviewFeedViewSet, VerdictFeedViewSet

router = DefaultRouter()
router.register("articles", ArticleViewSet, basename="article")
router.register("claims", ClaimViewSet, basename="claim")
router.register("evidence", EvidenceViewSet, basename="evidence")
router.register("verdicts", VerdictFeedViewSet, basename="verdict")
router.register("claim-reviews", ClaimReviewFeedViewSet, basename="claim-review")

urlpatterns = router.urls
