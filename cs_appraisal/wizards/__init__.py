from . import cs_appraisal_reopen
from . import cs_appraisal_unscheduled
