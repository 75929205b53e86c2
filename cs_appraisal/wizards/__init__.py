from . import cs_appraisal_reopen
