from . import test_access_matrix
from . import test_organisation_rules
from . import test_role_sync
from . import test_visibility
from . import test_tours
