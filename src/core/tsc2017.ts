/**
 * The AICPA Trust Services Criteria (2017, with the revised 2022 points of
 * focus) as a plain data catalog: the 61 criterion IDs, their category and
 * series, and a short topic for each.
 *
 * The `topic` strings are soc2lint's own one-line summaries, written for this
 * project. They are NOT the AICPA criterion text (which is copyrighted) and
 * are not a substitute for it; consult the AICPA publication for the criteria
 * themselves. The privacy group headings P1.0..P8.0 are headings, not
 * criteria, and are deliberately absent.
 *
 * Keep this file a data literal: it is imported on every run.
 * Its shape is described by schemas/catalog.schema.json.
 */

export type CategoryId = 'security' | 'availability' | 'confidentiality' | 'processing-integrity' | 'privacy';

export interface Criterion {
  /** Criterion ID, e.g. 'CC6.1', 'A1.2', 'PI1.5', 'P3.2'. */
  id: string;
  category: CategoryId;
  /** Series the criterion belongs to, e.g. 'CC6', 'A1', 'C1', 'PI1', 'P3'. */
  series: string;
  /** Name of the series, e.g. 'Logical and Physical Access Controls'. */
  seriesName: string;
  /** Short topic in soc2lint's own words (3-10 words). */
  topic: string;
}

export interface CriteriaCatalog {
  name: string;
  version: string;
  categories: { id: CategoryId; name: string }[];
  criteria: Criterion[];
}

export const TSC_2017: CriteriaCatalog = {
  name: 'AICPA Trust Services Criteria',
  version: '2017 (2022 points of focus)',
  categories: [
    { id: 'security', name: 'Security' },
    { id: 'availability', name: 'Availability' },
    { id: 'confidentiality', name: 'Confidentiality' },
    { id: 'processing-integrity', name: 'Processing Integrity' },
    { id: 'privacy', name: 'Privacy' },
  ],
  criteria: [
    // CC1 Control Environment (COSO principles 1-5)
    { id: 'CC1.1', category: 'security', series: 'CC1', seriesName: 'Control Environment', topic: 'Commitment to integrity and ethical values' },
    { id: 'CC1.2', category: 'security', series: 'CC1', seriesName: 'Control Environment', topic: 'Independent board oversight of internal control' },
    { id: 'CC1.3', category: 'security', series: 'CC1', seriesName: 'Control Environment', topic: 'Organizational structure, reporting lines and responsibilities' },
    { id: 'CC1.4', category: 'security', series: 'CC1', seriesName: 'Control Environment', topic: 'Hiring, developing and retaining competent people' },
    { id: 'CC1.5', category: 'security', series: 'CC1', seriesName: 'Control Environment', topic: 'Holding people accountable for control responsibilities' },

    // CC2 Information and Communication (COSO principles 13-15)
    { id: 'CC2.1', category: 'security', series: 'CC2', seriesName: 'Information and Communication', topic: 'Quality information to support internal control' },
    { id: 'CC2.2', category: 'security', series: 'CC2', seriesName: 'Information and Communication', topic: 'Internal communication, including security awareness training' },
    { id: 'CC2.3', category: 'security', series: 'CC2', seriesName: 'Information and Communication', topic: 'Communication with external parties' },

    // CC3 Risk Assessment (COSO principles 6-9)
    { id: 'CC3.1', category: 'security', series: 'CC3', seriesName: 'Risk Assessment', topic: 'Objectives specified clearly enough to assess risk' },
    { id: 'CC3.2', category: 'security', series: 'CC3', seriesName: 'Risk Assessment', topic: 'Risk identification and analysis' },
    { id: 'CC3.3', category: 'security', series: 'CC3', seriesName: 'Risk Assessment', topic: 'Fraud risk considered in risk assessment' },
    { id: 'CC3.4', category: 'security', series: 'CC3', seriesName: 'Risk Assessment', topic: 'Identifying and assessing significant changes' },

    // CC4 Monitoring Activities (COSO principles 16-17)
    { id: 'CC4.1', category: 'security', series: 'CC4', seriesName: 'Monitoring Activities', topic: 'Ongoing and separate evaluations of controls' },
    { id: 'CC4.2', category: 'security', series: 'CC4', seriesName: 'Monitoring Activities', topic: 'Communicating and correcting control deficiencies' },

    // CC5 Control Activities (COSO principles 10-12)
    { id: 'CC5.1', category: 'security', series: 'CC5', seriesName: 'Control Activities', topic: 'Control activities selected to mitigate risks' },
    { id: 'CC5.2', category: 'security', series: 'CC5', seriesName: 'Control Activities', topic: 'General controls over technology' },
    { id: 'CC5.3', category: 'security', series: 'CC5', seriesName: 'Control Activities', topic: 'Controls deployed through policies and procedures' },

    // CC6 Logical and Physical Access Controls
    { id: 'CC6.1', category: 'security', series: 'CC6', seriesName: 'Logical and Physical Access Controls', topic: 'Logical access security over protected information assets' },
    { id: 'CC6.2', category: 'security', series: 'CC6', seriesName: 'Logical and Physical Access Controls', topic: 'User registration and removal' },
    { id: 'CC6.3', category: 'security', series: 'CC6', seriesName: 'Logical and Physical Access Controls', topic: 'Role-based access changes and least privilege' },
    { id: 'CC6.4', category: 'security', series: 'CC6', seriesName: 'Logical and Physical Access Controls', topic: 'Physical access to facilities and assets' },
    { id: 'CC6.5', category: 'security', series: 'CC6', seriesName: 'Logical and Physical Access Controls', topic: 'Secure disposal of assets and data' },
    { id: 'CC6.6', category: 'security', series: 'CC6', seriesName: 'Logical and Physical Access Controls', topic: 'Protection against threats from outside system boundaries' },
    { id: 'CC6.7', category: 'security', series: 'CC6', seriesName: 'Logical and Physical Access Controls', topic: 'Protecting data in transmission and movement' },
    { id: 'CC6.8', category: 'security', series: 'CC6', seriesName: 'Logical and Physical Access Controls', topic: 'Preventing and detecting malicious or unauthorized software' },

    // CC7 System Operations
    { id: 'CC7.1', category: 'security', series: 'CC7', seriesName: 'System Operations', topic: 'Vulnerability and configuration change monitoring' },
    { id: 'CC7.2', category: 'security', series: 'CC7', seriesName: 'System Operations', topic: 'Monitoring system components for anomalies' },
    { id: 'CC7.3', category: 'security', series: 'CC7', seriesName: 'System Operations', topic: 'Evaluating security events to identify incidents' },
    { id: 'CC7.4', category: 'security', series: 'CC7', seriesName: 'System Operations', topic: 'Responding to security incidents' },
    { id: 'CC7.5', category: 'security', series: 'CC7', seriesName: 'System Operations', topic: 'Recovering from security incidents' },

    // CC8 Change Management
    { id: 'CC8.1', category: 'security', series: 'CC8', seriesName: 'Change Management', topic: 'Authorizing, testing and approving system changes' },

    // CC9 Risk Mitigation
    { id: 'CC9.1', category: 'security', series: 'CC9', seriesName: 'Risk Mitigation', topic: 'Mitigating risk of business disruption' },
    { id: 'CC9.2', category: 'security', series: 'CC9', seriesName: 'Risk Mitigation', topic: 'Vendor and business partner risk management' },

    // A1 Availability
    { id: 'A1.1', category: 'availability', series: 'A1', seriesName: 'Availability', topic: 'Capacity monitoring and planning' },
    { id: 'A1.2', category: 'availability', series: 'A1', seriesName: 'Availability', topic: 'Environmental protections, backups and recovery infrastructure' },
    { id: 'A1.3', category: 'availability', series: 'A1', seriesName: 'Availability', topic: 'Testing recovery plan procedures' },

    // C1 Confidentiality
    { id: 'C1.1', category: 'confidentiality', series: 'C1', seriesName: 'Confidentiality', topic: 'Identifying and maintaining confidential information' },
    { id: 'C1.2', category: 'confidentiality', series: 'C1', seriesName: 'Confidentiality', topic: 'Disposing of confidential information' },

    // PI1 Processing Integrity
    { id: 'PI1.1', category: 'processing-integrity', series: 'PI1', seriesName: 'Processing Integrity', topic: 'Processing objectives, data definitions and specifications' },
    { id: 'PI1.2', category: 'processing-integrity', series: 'PI1', seriesName: 'Processing Integrity', topic: 'Complete and accurate system inputs' },
    { id: 'PI1.3', category: 'processing-integrity', series: 'PI1', seriesName: 'Processing Integrity', topic: 'Complete, accurate and timely processing' },
    { id: 'PI1.4', category: 'processing-integrity', series: 'PI1', seriesName: 'Processing Integrity', topic: 'Complete, accurate and timely outputs' },
    { id: 'PI1.5', category: 'processing-integrity', series: 'PI1', seriesName: 'Processing Integrity', topic: 'Complete and accurate storage of data' },

    // P1 Privacy: Notice and Communication of Objectives
    { id: 'P1.1', category: 'privacy', series: 'P1', seriesName: 'Privacy: Notice and Communication of Objectives', topic: 'Privacy notice to data subjects' },

    // P2 Privacy: Choice and Consent
    { id: 'P2.1', category: 'privacy', series: 'P2', seriesName: 'Privacy: Choice and Consent', topic: 'Choices and consent for personal information' },

    // P3 Privacy: Collection
    { id: 'P3.1', category: 'privacy', series: 'P3', seriesName: 'Privacy: Collection', topic: 'Collecting personal information only for stated objectives' },
    { id: 'P3.2', category: 'privacy', series: 'P3', seriesName: 'Privacy: Collection', topic: 'Explicit consent where collection requires it' },

    // P4 Privacy: Use, Retention, and Disposal
    { id: 'P4.1', category: 'privacy', series: 'P4', seriesName: 'Privacy: Use, Retention, and Disposal', topic: 'Limiting use of personal information to stated objectives' },
    { id: 'P4.2', category: 'privacy', series: 'P4', seriesName: 'Privacy: Use, Retention, and Disposal', topic: 'Retention of personal information' },
    { id: 'P4.3', category: 'privacy', series: 'P4', seriesName: 'Privacy: Use, Retention, and Disposal', topic: 'Secure disposal of personal information' },

    // P5 Privacy: Access
    { id: 'P5.1', category: 'privacy', series: 'P5', seriesName: 'Privacy: Access', topic: 'Data subject access to their personal information' },
    { id: 'P5.2', category: 'privacy', series: 'P5', seriesName: 'Privacy: Access', topic: 'Correcting or amending personal information on request' },

    // P6 Privacy: Disclosure and Notification
    { id: 'P6.1', category: 'privacy', series: 'P6', seriesName: 'Privacy: Disclosure and Notification', topic: 'Disclosing personal information to third parties with consent' },
    { id: 'P6.2', category: 'privacy', series: 'P6', seriesName: 'Privacy: Disclosure and Notification', topic: 'Records of authorized disclosures' },
    { id: 'P6.3', category: 'privacy', series: 'P6', seriesName: 'Privacy: Disclosure and Notification', topic: 'Records of unauthorized disclosures, including breaches' },
    { id: 'P6.4', category: 'privacy', series: 'P6', seriesName: 'Privacy: Disclosure and Notification', topic: 'Privacy commitments from vendors and third parties' },
    { id: 'P6.5', category: 'privacy', series: 'P6', seriesName: 'Privacy: Disclosure and Notification', topic: 'Third parties reporting unauthorized disclosures to us' },
    { id: 'P6.6', category: 'privacy', series: 'P6', seriesName: 'Privacy: Disclosure and Notification', topic: 'Breach notification to affected data subjects' },
    { id: 'P6.7', category: 'privacy', series: 'P6', seriesName: 'Privacy: Disclosure and Notification', topic: 'Accounting of personal information held and disclosed' },

    // P7 Privacy: Quality
    { id: 'P7.1', category: 'privacy', series: 'P7', seriesName: 'Privacy: Quality', topic: 'Accuracy and completeness of personal information' },

    // P8 Privacy: Monitoring and Enforcement
    { id: 'P8.1', category: 'privacy', series: 'P8', seriesName: 'Privacy: Monitoring and Enforcement', topic: 'Privacy complaints, disputes and compliance monitoring' },
  ],
};
