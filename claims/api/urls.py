from rest_framework.routers import DefaultRouter

from claims.api import views

router = DefaultRouter()
router.register("articles", views.ArticleViewSet, basename="article")
router.register("claims", views.ClaimViewSet, basename="claim")
router.register("evidence", views.EvidenceViewSet, basename="evidence")
router.register("verdicts", views.VerdictFeedViewSet, basename="verdict")
router.register("claim-reviews", views.ClaimReviewFeedViewSet, basename="claim-review")

urlpatterns = router.urls
